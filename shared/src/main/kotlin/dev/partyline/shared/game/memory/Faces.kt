package dev.partyline.shared.game.memory

import kotlin.random.Random

/**
 * The faces of memory cards: short, distinct, lowercase names that a client maps to pictures
 * (the browser draws each as an emoji). A board needs at most 32 of them (8×8 cards).
 */
object Faces {
    val all: List<String> = listOf(
        "owl", "fox", "cat", "dog", "frog", "bee", "fish", "whale",
        "octopus", "crab", "snail", "turtle", "penguin", "parrot", "lion", "tiger",
        "panda", "koala", "rabbit", "mouse", "horse", "unicorn", "apple", "pear",
        "cherry", "lemon", "grapes", "carrot", "mushroom", "cactus", "sun", "moon",
        "star", "rainbow", "rocket", "anchor", "bell", "key", "guitar", "balloon",
    )

    /**
     * The cards of a board with [pairs] pairs, dealt from [seed]: which faces are used and where
     * each card lies depend on the seed alone, so the same seed always deals the same board.
     */
    fun deal(pairs: Int, seed: Long): List<String> {
        require(pairs in 1..all.size) { "a board holds 1..${all.size} pairs" }
        val random = Random(seed)
        val chosen = all.shuffled(random).take(pairs)
        return (chosen + chosen).shuffled(random)
    }
}
