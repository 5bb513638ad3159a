/* One seeded generator for every script quizgen ships (cards and the quiz page): FNV-1a
   turns a text into a seed, mulberry32 turns a seed into numbers in [0, 1). Included
   where a script has the line '  /* include seeded.js */'; the indentation here is the including one. */
  function hash(text) {
    var value = 2166136261;
    for (var i = 0; i < text.length; i += 1) {
      value ^= text.charCodeAt(i);
      value = Math.imul(value, 16777619) >>> 0;
    }
    return value >>> 0;
  }

  function generator(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
