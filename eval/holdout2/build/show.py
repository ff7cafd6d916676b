import sys
from pathlib import Path
from assistant.ingest.loaders import load_file
for p in sys.argv[1:]:
    l = load_file(Path(p))
    print("=====", p, "words:", len(l.text.split()), "meta:", l.metadata, "warn:", l.warnings)
    print(l.text)
