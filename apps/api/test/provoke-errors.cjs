// Loaded into the built server by test/shutdown.test.ts (`node -r`): a way to make the real
// process meet an error that no code path handles, at a moment the test chooses, without any
// hook in the product. SIGUSR2: a promise rejects and nothing handles it. SIGHUP: a callback
// throws and nothing catches it.
process.on('SIGUSR2', () => {
  Promise.reject(new Error('provoked: a rejection nobody handles'));
});
process.on('SIGHUP', () => {
  setImmediate(() => {
    throw new Error('provoked: an exception nobody catches');
  });
});
