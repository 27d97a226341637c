// A quiz's visibility values (API.md) and what each means, in words.
export const VISIBILITY_NAMES = {
  private: 'Only me',
  unlisted: 'Anyone with its link can host it',
  public: 'Public: listed for everyone to host and copy',
};
