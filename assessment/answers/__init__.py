"""A company's answers: the answers document, its checks and migrations, share links, plain-text notes."""
