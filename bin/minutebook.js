#!/usr/bin/env node
// Runs the TypeScript sources directly (no build step to forget): tsx compiles on load.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

// Settings from ./.env, as .env.example describes; variables already in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env');

register();
await import('../src/cli/main.ts');
