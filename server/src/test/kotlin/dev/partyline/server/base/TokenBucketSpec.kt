package dev.partyline.server.base

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe

/** The per-connection rate limit, on explicit instants in milliseconds. */
class TokenBucketSpec : FunSpec({
    fun TokenBucket.takes(now: Long, times: Int) = List(times) { tryTake(now) }

    test("a full bucket allows a burst of its size, then refuses") {
        val bucket = TokenBucket(ratePerSecond = 2.0, burst = 3, now = 1_000)
        bucket.takes(1_000, 4) shouldContainExactly listOf(true, true, true, false)
    }

    test("an empty bucket refills at the rate: one token per 1/rate seconds") {
        val bucket = TokenBucket(ratePerSecond = 2.0, burst = 3, now = 0)
        bucket.takes(0, 3)
        bucket.tryTake(499) shouldBe false
        bucket.tryTake(500) shouldBe true
        bucket.tryTake(500) shouldBe false
        bucket.tryTake(999) shouldBe false
        bucket.tryTake(1_000) shouldBe true
        bucket.tryTake(1_000) shouldBe false
    }

    test("a refused take costs nothing: refill goes on counting from the last instant") {
        val bucket = TokenBucket(ratePerSecond = 4.0, burst = 1, now = 0)
        bucket.tryTake(0) shouldBe true
        (1L..249L).map { bucket.tryTake(it) }.all { !it } shouldBe true
        bucket.tryTake(250) shouldBe true
    }

    test("refill never goes above the burst, however long the bucket rests") {
        val bucket = TokenBucket(ratePerSecond = 2.0, burst = 3, now = 0)
        bucket.takes(0, 3)
        bucket.takes(3_600_000, 4) shouldContainExactly listOf(true, true, true, false)
    }

    test("a partly drained bucket adds the refill to what is left") {
        val bucket = TokenBucket(ratePerSecond = 2.0, burst = 3, now = 0)
        bucket.takes(0, 2) shouldContainExactly listOf(true, true)
        // one token left, plus one refilled in 500 ms
        bucket.takes(500, 3) shouldContainExactly listOf(true, true, false)
    }

    test("an instant earlier than the last one refills nothing and breaks nothing") {
        val bucket = TokenBucket(ratePerSecond = 2.0, burst = 2, now = 10_000)
        bucket.takes(10_000, 2)
        bucket.tryTake(5_000) shouldBe false
        bucket.tryTake(10_499) shouldBe false
        bucket.tryTake(10_500) shouldBe true
    }

    test("the default limit (20 per second, burst 40) lets 40 through at once and 20 more a second later") {
        val bucket = TokenBucket(ratePerSecond = 20.0, burst = 40, now = 0)
        bucket.takes(0, 41).count { it } shouldBe 40
        bucket.takes(1_000, 21).count { it } shouldBe 20
    }
})
