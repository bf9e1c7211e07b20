// TranscriptReplay: placeholder until the module lands.
