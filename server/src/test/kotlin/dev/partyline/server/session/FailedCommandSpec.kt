package dev.partyline.server.session

import dev.partyline.server.room.Secrets
import dev.partyline.shared.game.Game
import dev.partyline.shared.game.GameMove
import dev.partyline.shared.game.Setup
import dev.partyline.shared.game.quiz.QuizGame
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.test.runTest
import kotlinx.serialization.KSerializer
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.modules.EmptySerializersModule
import java.security.SecureRandom

/**
 * A command that fails inside a registry (a bug, or a broken game plug-in) is answered, and the
 * registry goes on serving everyone: the client that sent it gets `internal_error` with its
 * `re` and keeps its connection. Under virtual time, with the registries a server wires.
 */
class FailedCommandSpec : FunSpec({
    test("a create whose game fails is internal_error to its sender, and the room registry goes on") {
        runTest {
            val wire = SessionWire(this, games = listOf(QuizGame, Exploding))
            val host = wire.session("host")
            host.handle("""{"type":"hello","name":"host","protocol":1}""")
            host.handle("""{"type":"create","game":"exploding","id":"c1"}""")
            wire.heard("host").last().let { it.type to it.str("code") to it.str("re") } shouldBe ("error" to "internal_error" to "c1")
            host.handle("""{"type":"create","game":"quiz","id":"c2"}""")
            wire.heard("host").last().let { it.type to it.str("re") } shouldBe ("room" to "c2")
            wire.rooms.count() shouldBe 1
        }
    }

    test("a hello that fails in the session registry is internal_error, and the next hello is welcomed") {
        runTest {
            val random = DryOnce()
            val wire = SessionWire(this, secrets = Secrets(random))
            val ada = wire.session("ada")
            random.dry = true
            ada.handle("""{"type":"hello","name":"ada","protocol":1,"id":1}""")
            wire.heard("ada").last().let { it.type to it.str("code") } shouldBe ("error" to "internal_error")
            ada.handle("""{"type":"hello","name":"ada","protocol":1,"id":2}""")
            wire.heard("ada").last().let { it.type to it.str("re") } shouldBe ("welcome" to "2")
        }
    }
})

/** A game whose setup always throws, as a broken plug-in would. */
private object Exploding : Game {
    override val id = "exploding"
    override val moves = emptyMap<String, KSerializer<out GameMove>>()
    override val events = EmptySerializersModule()
    override fun setup(options: JsonObject, seed: Long): Setup = error("this game is broken")
}

/** Randomness that fails once when [dry] is set, as a failing entropy source would. */
private class DryOnce : SecureRandom() {
    @Volatile
    var dry = false

    override fun nextInt(bound: Int): Int {
        if (dry) {
            dry = false
            error("entropy ran dry")
        }
        return super.nextInt(bound)
    }
}
