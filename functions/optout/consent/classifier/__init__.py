"""The inbound classifier: what a text or a mail asks for (`engine.classify`), its keyword
lists (`words`), and its natural-language rules as data (`rules`, one file per language).
Imports nothing: the rules load and compile on first use, or in SnapStart's warm-up
(`engine.warm_up`)."""
