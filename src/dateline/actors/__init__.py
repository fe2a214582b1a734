"""Actors: the knowledge base, resolution of mentions to actors, and places.

``resolve(article, doc)`` returns every actor of an article with all its mentions;
``actor_at(actors, start, end)`` finds the actor mentioned at a character range.
"""

from dateline.actors.resolve import RoleClaim, actor_at, resolve, resolve_with_claims

__all__ = ["RoleClaim", "actor_at", "resolve", "resolve_with_claims"]
