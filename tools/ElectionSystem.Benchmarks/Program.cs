using BenchmarkDotNet.Running;

// dotnet run -c Release --project tools/ElectionSystem.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(CountBenchmarks).Assembly).Run(args);
