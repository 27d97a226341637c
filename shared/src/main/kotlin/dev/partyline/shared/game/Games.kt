package dev.partyline.shared.game

import dev.partyline.shared.game.memory.MemoryGame
import dev.partyline.shared.game.quiz.QuizGame

/** Every game this version of Partyline plays: the server hosts them, clients decode their moves and events. */
object Games {
    val all: List<Game> = listOf(QuizGame, MemoryGame)
}
