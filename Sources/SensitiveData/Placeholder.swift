// SensitiveData: placeholder until the module lands.
