package dev.partyline.server.store

import java.net.URI
import java.net.URLDecoder

/** Where a PostgreSQL database is, from `postgresql://user:password@host:port/db` (or `postgres://`, or a `jdbc:postgresql://` URL). */
data class DatabaseUrl(val jdbcUrl: String, val user: String?, val password: String?) {
    /** The URL without its password, for logs and `/health`. */
    override fun toString() = jdbcUrl + (user?.let { " as $it" } ?: "")

    companion object {
        fun parse(text: String): DatabaseUrl {
            val uri = runCatching { URI(text.removePrefix("jdbc:")) }.getOrNull()
            require(uri != null && uri.scheme in SCHEMES && !uri.host.isNullOrEmpty() && (uri.path?.length ?: 0) > 1) {
                "'${redact(text)}' is not a PostgreSQL URL; write postgresql://user:password@host:port/database"
            }
            val (user, password) = uri.rawUserInfo?.split(':', limit = 2)?.map(::decode).let { it?.getOrNull(0) to it?.getOrNull(1) }
            val port = if (uri.port == -1) "" else ":${uri.port}"
            val query = uri.rawQuery?.let { "?$it" }.orEmpty()
            return DatabaseUrl("jdbc:postgresql://${uri.host}$port${uri.rawPath}$query", user, password)
        }

        private val SCHEMES = setOf("postgresql", "postgres")

        private fun decode(part: String) = URLDecoder.decode(part, Charsets.UTF_8)

        /** [text] with any password replaced, so an error message never repeats one. */
        private fun redact(text: String) = text.replace(Regex("://([^:/@]*):[^@/]*@"), "://$1:***@")
    }
}
