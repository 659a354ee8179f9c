"""`make eval`: scores the extractor against NEREL dev and the FactRuEval-2016 devset (never test splits)."""
