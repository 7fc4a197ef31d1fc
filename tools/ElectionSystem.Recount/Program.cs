Console.Error.WriteLine("recount: not implemented yet");
return 2;
