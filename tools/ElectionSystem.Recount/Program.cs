using System.Text;
using ElectionSystem.Recount;

// Vietnamese names must reach the terminal or a pipe as UTF-8 whatever the locale says.
Console.OutputEncoding = new UTF8Encoding(false);
return RecountCommand.Run(args, Console.Out, Console.Error);
