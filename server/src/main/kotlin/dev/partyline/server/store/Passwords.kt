package dev.partyline.server.store

import com.password4j.Argon2Function
import com.password4j.Password
import com.password4j.types.Argon2
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/**
 * Password hashing with Argon2id (password4j), at OWASP's minimum cost: 19 MiB, 2 passes. Hashes
 * run on threads of their own, never on `Dispatchers.Default` where the rooms run (on a box of two
 * cores, two logins would stall every room for the length of a hash), and at most [PARALLEL] at
 * once, so a burst of logins cannot take all the memory.
 */
object Passwords {
    private val argon2 = Argon2Function.getInstance(MEMORY_KIB, PASSES, 1, HASH_BYTES, Argon2.ID)
    private val hashing = Dispatchers.IO.limitedParallelism(PARALLEL)

    /** A hash of one password nobody has: checked when a name is unknown, so that takes as long as a wrong password. */
    private val decoy by lazy { Password.hash(StoreSecrets.token()).addRandomSalt(SALT_BYTES).with(argon2).result }

    suspend fun hash(password: String): String = withContext(hashing) {
        Password.hash(password).addRandomSalt(SALT_BYTES).with(argon2).result
    }

    /** Whether [password] matches [hash]; with no hash it checks the decoy and answers false, in about the same time. */
    suspend fun matches(password: String, hash: String?): Boolean = withContext(hashing) {
        val stored = hash ?: decoy
        val function = runCatching { Argon2Function.getInstanceFromHash(stored) }.getOrDefault(argon2)
        Password.check(password, stored).with(function) && hash != null
    }

    private const val MEMORY_KIB = 19 * 1024
    private const val PASSES = 2
    private const val HASH_BYTES = 32
    private const val SALT_BYTES = 16
    private const val PARALLEL = 4
}
