"""The question bank: its data files (*.toml, layouts.json) and the code that reads, merges and checks them."""
