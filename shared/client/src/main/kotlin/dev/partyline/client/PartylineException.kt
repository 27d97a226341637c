package dev.partyline.client

/** A request that failed: refused by the server (its error [code], if it answered), unanswered, or the connection ended. */
class PartylineException(message: String, val code: String? = null) : RuntimeException(message)
