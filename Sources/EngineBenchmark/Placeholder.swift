// EngineBenchmark: placeholder until the benchmark lands.
