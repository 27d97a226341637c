package dev.partyline.server.store

/** The database did not answer in time or could not be reached: the request fails with 503 and changes nothing. */
class StoreUnavailable(message: String, cause: Throwable? = null) : RuntimeException(message, cause)
