#!/usr/bin/env node
console.log("schema-engine-cli d1b3f377ca835d73fd50954a5e22128b9ebdd6b8")
