package dev.partyline.server.e2e

import java.nio.file.Files

/** Temporary directories for specs, deleted with all they hold when the JVM exits. */
object TempDirs {
    fun create(prefix: String): String {
        val dir = Files.createTempDirectory(prefix).toFile()
        Runtime.getRuntime().addShutdownHook(Thread { dir.deleteRecursively() })
        return dir.path
    }
}
