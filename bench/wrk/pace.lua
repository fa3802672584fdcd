-- The pause before each of a connection's requests (DELAY_MS, loaded with
-- dofile by the steady-rate scripts): exponential with that mean, as
-- between the clicks of people working independently, rather than a fixed
-- beat. wrk pauses before a connection's first request too, so the
-- connections do not all start in the same millisecond: a fixed pause made
-- every run open with one burst of all of them at once, which is no steady
-- rate, and with 20 s runs that burst alone was the p99.
return function(mean_ms)
  return function()
    if mean_ms <= 0 then return 0 end
    return math.floor(-mean_ms * math.log(1 - math.random()) + 0.5)
  end
end
