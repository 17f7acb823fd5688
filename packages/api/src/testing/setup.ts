// Runs before each test file: the API is configured as a development server would be.
import { configureForTests } from "./config.ts";

configureForTests();
