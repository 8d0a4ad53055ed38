"""One router per resource: ``calls``, ``search``, ``commitments``."""
