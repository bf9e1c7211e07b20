// DialoguePolicy: placeholder until the module lands.
