"""The demo tenant `atlas-telecom`: a fictional Moroccan telecom operator, its people and history."""
