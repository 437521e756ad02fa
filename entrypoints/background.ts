export default defineBackground(() => {
  // Filled in below by the message router.
});
