// SupportContent: placeholder until the module lands.
