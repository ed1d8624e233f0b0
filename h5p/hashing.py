"""What makes two copies of a library "the same files": one hash over their names and
contents, whatever order a ZIP or a storage listing gives them in."""

import hashlib


def files_hash(files) -> str:
    """files: (path relative to the library folder, bytes) pairs."""
    digest = hashlib.sha256()
    for path, data in sorted(files):
        digest.update(path.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()
