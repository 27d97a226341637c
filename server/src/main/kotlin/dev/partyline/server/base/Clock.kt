package dev.partyline.server.base

/** The server's clock, injected so that tests can run on virtual time. */
fun interface Clock {
    fun now(): Long

    companion object {
        val System = Clock { java.lang.System.currentTimeMillis() }
    }
}
