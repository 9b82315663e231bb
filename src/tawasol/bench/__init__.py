"""End-to-end evaluation of the product through its real HTTP API (kept out of the runtime capabilities).

Public surface:
- `dialogues.load_dialogues(path)`: scripted multi-turn dialogues from a JSONL file (strictly validated).
- `dialogues.DialogueRunner(base_url, ...)`: replays them against a running server and checks every turn.
- `dialogues.summarise(results)`, `dialogues.format_report(report)`: the per-language table.
"""
