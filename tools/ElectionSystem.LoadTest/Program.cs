Console.WriteLine("load: not implemented yet");
