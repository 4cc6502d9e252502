import { z } from 'zod/mini';

// zod/mini, unlike classic zod, installs no messages: every issue would read "Invalid input". The
// BFF's 400s ("The request is not valid. field: message") and the SPA's "could not read" detail
// quote these messages, so the contract installs classic's English ones wherever it is loaded.
z.config(z.locales.en());

export { z };
