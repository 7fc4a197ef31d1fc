using System.Text;
using ElectionSystem.Verify;

// Vietnamese names must reach the terminal or a pipe as UTF-8 whatever the locale says.
Console.OutputEncoding = new UTF8Encoding(false);
return args is ["--benchmark", .. var sizes]
    ? VerifyBenchmark.Run(sizes, Console.Out, Console.Error)
    : VerifyCommand.Run(args, Console.Out, Console.Error);
