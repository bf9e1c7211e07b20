// IntentMatching: placeholder until the module lands.
