package dev.partyline.tools.bot

import com.github.ajalt.clikt.core.parse
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

/** The `bot` subcommand's flags, as the bots will use them. */
class BotCommandSpec : FunSpec({
    test("without --ws bots connect over TCP to the TCP port") {
        val command = BotCommand()
        command.parse(listOf("--room", "QX7K2M", "--tcp-port", "7171"))
        val settings = command.settings!!
        settings.webSocket shouldBe false
        settings.tcpPort shouldBe 7171
    }

    test("--ws connects over WebSocket to the HTTP port, 8080 unless --http-port says otherwise") {
        val byDefault = BotCommand().also { it.parse(listOf("--room", "QX7K2M", "--ws")) }.settings!!
        byDefault.webSocket shouldBe true
        byDefault.httpPort shouldBe 8080
        BotCommand().also { it.parse(listOf("--room", "QX7K2M", "--ws", "--http-port", "9090")) }.settings!!.httpPort shouldBe 9090
    }
})
