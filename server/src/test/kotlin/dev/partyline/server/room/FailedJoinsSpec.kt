package dev.partyline.server.room

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

/** The per-address limit on joins of unknown rooms, on explicit instants in milliseconds. */
class FailedJoinsSpec : FunSpec({
    test("an address may fail its allowance in a burst; then it is refused until one failure refills") {
        val joins = FailedJoins(perMinute = 10, limitLoopback = false)
        repeat(10) {
            joins.allowed("203.0.113.7", 0) shouldBe true
            joins.failed("203.0.113.7", 0)
        }
        joins.allowed("203.0.113.7", 0) shouldBe false
        joins.allowed("203.0.113.7", 5_990) shouldBe false
        joins.allowed("203.0.113.7", 6_010) shouldBe true // 10 a minute: one back every 6 s
        joins.allowed("198.51.100.1", 0) shouldBe true // other addresses are not touched
    }

    test("loopback addresses are exempt unless asked for, and 0 turns the limit off") {
        val exempt = FailedJoins(perMinute = 2, limitLoopback = false)
        val off = FailedJoins(perMinute = 0, limitLoopback = true)
        repeat(50) {
            exempt.failed("127.0.0.1", 0)
            off.failed("203.0.113.7", 0)
        }
        exempt.allowed("127.0.0.1", 0) shouldBe true
        off.allowed("203.0.113.7", 0) shouldBe true
    }
})
