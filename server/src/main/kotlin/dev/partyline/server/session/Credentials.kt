package dev.partyline.server.session

/**
 * What a connection can show of an account, checked only when it matters (hosting a saved quiz):
 * the browser's session cookie sent with the WebSocket upgrade, or the bearer token a bot sends
 * in its `hello`.
 */
data class Credentials(val sessionCookie: String? = null, val bearer: String? = null) {
    companion object {
        val NONE = Credentials()
    }
}
