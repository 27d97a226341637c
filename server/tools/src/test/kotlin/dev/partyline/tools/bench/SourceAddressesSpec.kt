package dev.partyline.tools.bench

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

class SourceAddressesSpec : FunSpec({
    test("connections go round-robin over the addresses from 127.0.0.2 on") {
        val sources = SourceAddresses(3)
        (0 until 7).map { sources.host(it) } shouldBe
            listOf("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.2")
        sources.forConnection(4).port shouldBe 0
    }

    test("by default each address carries at most 10,000 connections, and there are at least two") {
        SourceAddresses.defaultCount(1) shouldBe 2
        SourceAddresses.defaultCount(20_000) shouldBe 2
        SourceAddresses.defaultCount(20_001) shouldBe 3
        SourceAddresses.defaultCount(100_000) shouldBe 10
    }

    test("no addresses, or more than the loopback range holds, is refused") {
        shouldThrow<IllegalArgumentException> { SourceAddresses(0) }
        shouldThrow<IllegalArgumentException> { SourceAddresses(251) }
    }
})
