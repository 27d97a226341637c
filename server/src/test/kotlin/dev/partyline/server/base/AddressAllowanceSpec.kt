package dev.partyline.server.base

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

/** Allowances per client address, on explicit instants in milliseconds. */
class AddressAllowanceSpec : FunSpec({
    test("an address spends its burst at once, then one more for each refill; others are untouched") {
        val allowance = AddressAllowance(perSecond = 2.0, burst = 5, limitLoopback = false)
        List(5) { allowance.spend("203.0.113.7", 0) } shouldBe List(5) { true }
        allowance.spend("203.0.113.7", 0) shouldBe false
        allowance.hasAny("203.0.113.7", 490) shouldBe false
        allowance.spend("203.0.113.7", 510) shouldBe true // 2 a second: one back after 500 ms
        allowance.spend("203.0.113.7", 510) shouldBe false
        allowance.spend("198.51.100.1", 0) shouldBe true
    }

    test("loopback, IPv4 or IPv6, is exempt unless asked for, and a burst of 0 turns the allowance off") {
        val exempt = AddressAllowance(perSecond = 1.0, burst = 1, limitLoopback = false)
        val strict = AddressAllowance(perSecond = 1.0, burst = 1, limitLoopback = true)
        val off = AddressAllowance(perSecond = 1.0, burst = 0, limitLoopback = true)
        listOf("127.0.0.1", "127.0.0.9", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1").forEach { loopback ->
            List(50) { exempt.spend(loopback, 0) } shouldBe List(50) { true }
            exempt.applies(loopback) shouldBe false
        }
        exempt.applies("128.0.0.1") shouldBe true
        strict.spend("127.0.0.1", 0) shouldBe true
        strict.spend("127.0.0.1", 0) shouldBe false
        List(50) { off.spend("203.0.113.7", 0) } shouldBe List(50) { true }
    }
})
