"""How the demo content stores prose: plain text, rendered with the `linebreaks` filter."""


def paragraphs(*texts):
    """The texts one blank line apart; a single newline inside a text is a line break."""
    return "\n\n".join(texts)
