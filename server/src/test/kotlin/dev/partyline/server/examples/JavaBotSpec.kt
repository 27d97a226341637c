package dev.partyline.server.examples

import dev.partyline.server.PartylineServer
import dev.partyline.server.e2e.startTestServer
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.io.File
import java.nio.file.Files
import javax.tools.ToolProvider

/**
 * The Java bot of docs/bots.md: the listing is docs/examples/MinimalQuizBot.java, and the file,
 * compiled with `javac` against the client library and run with `java` as a reader would, plays a
 * quiz against a real server to `game_over`.
 */
class JavaBotSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer() }
    afterSpec { server.stop() }

    val source = File("../docs/examples/MinimalQuizBot.java")
    // Surefire starts this JVM from a manifest-only jar; it names the real class path here.
    val classPath = System.getProperty("surefire.test.class.path") ?: System.getProperty("java.class.path")

    test("the Java bot in docs/bots.md is docs/examples/MinimalQuizBot.java, line for line") {
        docsListing("bots.md", "### A minimal Java bot", "java") shouldBe source.readText()
    }

    test("the Java bot compiles with javac, joins a quiz as a bot, answers every question and prints the standings") {
        val classes = Files.createTempDirectory("java-bot").toFile()
        try {
            val javac = ToolProvider.getSystemJavaCompiler()
            javac.run(null, null, null, "-d", classes.path, "-cp", classPath, source.path) shouldBe 0
            hostExampleQuiz(server.tcpPort, "java-bot") { code, watch ->
                val java = "${System.getProperty("java.home")}/bin/java"
                ScriptProcess(java, "-cp", "${classes.path}${File.pathSeparator}$classPath", "MinimalQuizBot", "127.0.0.1", "${server.tcpPort}", code).use { bot ->
                    val score = watch()
                    withClue(bot.output.joinToString("\n")) {
                        bot.awaitExit(10_000) shouldBe 0
                        bot.output.toList() shouldBe listOf("1. java-bot $score")
                    }
                }
            }
        } finally {
            classes.deleteRecursively()
        }
    }
})
