package dev.partyline.server.transport.ws

import java.net.URI

/**
 * Which browser pages may open a WebSocket: pages of the server's own origin (the request's
 * `Host`) and those [allowed] by name (`https://quiz.example.org`). A request without an
 * `Origin` header is not from a browser page (a bot, a test harness) and passes: Origin is what
 * protects browser users from a foreign site driving their session.
 */
class OriginPolicy(allowed: List<String>) {
    private val allowed: Set<String> = allowed.map { normalize(it) ?: throw IllegalArgumentException("not an origin: '$it'") }.toSet()

    fun permits(origin: String?, host: String?): Boolean {
        if (origin == null) return true
        val normal = normalize(origin) ?: return false
        if (normal in allowed) return true
        val scheme = normal.substringBefore("://")
        return host != null && normal == normalize("$scheme://$host")
    }

    companion object {
        /** Whether [text] is an origin such as `https://host[:port]`, as a configured allowlist entry must be. */
        fun isOrigin(text: String) = normalize(text) != null

        /** `scheme://host[:port]` in lower case without a default port; null for anything else (`null`, paths, other schemes). */
        private fun normalize(origin: String): String? {
            val uri = runCatching { URI(origin.trim()) }.getOrNull() ?: return null
            val scheme = uri.scheme?.lowercase()?.takeIf { it == "http" || it == "https" } ?: return null
            val host = uri.host?.lowercase() ?: return null
            if (!uri.rawPath.isNullOrEmpty() && uri.rawPath != "/" || uri.rawQuery != null || uri.rawUserInfo != null) return null
            val port = uri.port.takeUnless { it == -1 || (scheme == "http" && it == 80) || (scheme == "https" && it == 443) }
            return "$scheme://$host" + (port?.let { ":$it" } ?: "")
        }
    }
}
