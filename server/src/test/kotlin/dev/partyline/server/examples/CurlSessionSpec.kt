package dev.partyline.server.examples

import dev.partyline.server.e2e.JsonPattern
import dev.partyline.server.e2e.TempDirs
import dev.partyline.server.e2e.startTestServer
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
import java.io.File
import java.util.concurrent.TimeUnit

/**
 * docs/api.md's curl session, run as written against a real server (its `localhost:8080` and TCP
 * `localhost/7070` made the server's own addresses): each command's body must match the line under
 * it, `"<name>"` for any value, and its status, when the line ends in one, must be the one shown.
 */
class CurlSessionSpec : FunSpec({
    test("the curl session of docs/api.md answers exactly as written") {
        val commands = sessionOf(docsListing("api.md", "## A session with curl", "console"))
        (commands.size > 8) shouldBe true
        val server = startTestServer()
        val dir = File(TempDirs.create("partyline-curl"))
        val bound = HashMap<String, JsonElement>()
        try {
            for ((command, expected) in commands) {
                val line = JsonPattern.substitute(command, bound).replace("localhost:8080", "127.0.0.1:${server.httpPort}")
                    .replace("/dev/tcp/localhost/7070", "/dev/tcp/127.0.0.1/${server.tcpPort}")
                val output = run(line, dir)
                withClue("$command\nexpected: $expected\n     got: $output") {
                    val status = expected.substringAfterLast(' ').takeIf { STATUS.matches(it) }
                    if (status != null) output.substringAfterLast(' ') shouldBe status
                    val body = if (status == null) expected else expected.substringBeforeLast(' ')
                    val printed = if (status == null) output else output.substringBeforeLast(' ')
                    if (body.isEmpty()) printed shouldBe "" else {
                        JsonPattern.matches(Json.parseToJsonElement(body), Json.parseToJsonElement(printed), bound) shouldBe true
                    }
                }
            }
        } finally {
            server.stop()
        }
    }
})

/** An HTTP status, as curl's `-w ' %{http_code}'` ends a line; a line without one (a game message read from TCP) is all body. */
private val STATUS = Regex("[0-9]{3}")

/** Each `$ ` command of a console listing (continued while a quote is open or a line ends in `\`) with the one line it prints. */
private fun sessionOf(listing: String): List<Pair<String, String>> {
    val lines = listing.lines().filter { it.isNotBlank() }
    val session = ArrayList<Pair<String, String>>()
    var i = 0
    while (i < lines.size) {
        check(lines[i].startsWith("$ ")) { "a command starts with '$ ': ${lines[i]}" }
        val command = StringBuilder(lines[i++].removePrefix("$ "))
        while (command.count { it == '\'' } % 2 == 1 || command.endsWith("\\")) command.append('\n').append(lines[i++])
        session += command.toString() to lines[i++]
    }
    return session
}

private fun run(command: String, dir: File): String {
    val process = ProcessBuilder("bash", "-c", command).directory(dir).redirectErrorStream(true).start()
    val output = process.inputStream.bufferedReader().readText()
    check(process.waitFor(30, TimeUnit.SECONDS)) { "timed out: $command" }
    return output.trimEnd('\n')
}
