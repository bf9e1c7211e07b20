// ConversationAnalytics: placeholder until the module lands.
