"""The domain: facts, entities and the events that record them. Imports nothing of ours."""
