Console.WriteLine("Monitoring CLI: no commands yet.");
