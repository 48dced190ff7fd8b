/**
 * The layers (ARCHITECTURE.md): bot/ (hosting) → dialogs/ (the conversation) → services/ (domain rules
 * and clients). Imports only look down, and never in a circle. The simulator is a development tool beside
 * the portal: it may share the domain's rules and schemas, nothing else. `npm run lint:layers` checks
 * this; CI runs it.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'services-look-down-only',
      comment: 'services/ holds domain rules and clients: it knows nothing of the conversation or the host.',
      severity: 'error',
      from: { path: '^services/' },
      to: { path: '^(bot|dialogs|simulator|scripts|test)/' },
    },
    {
      name: 'dialogs-do-not-import-the-host',
      comment: 'What a dialog needs from hosting is a port it declares (dialogs/ports.ts) and bot/ implements.',
      severity: 'error',
      from: { path: '^dialogs/' },
      to: { path: '^(bot|simulator|scripts|test)/' },
    },
    {
      name: 'simulator-shares-the-domain-only',
      comment: 'The simulator plays the portal: it may use services/ (schemas, offer rules), never the bot.',
      severity: 'error',
      from: { path: '^simulator/' },
      to: { path: '^(bot|dialogs|scripts|test)/' },
    },
    {
      name: 'the-product-does-not-import-tools',
      severity: 'error',
      from: { path: '^(bot|dialogs|services|simulator)/' },
      to: { path: '^(scripts|test)/' },
    },
    {
      name: 'services-without-the-bot-sdk',
      comment: 'The Bot Framework SDK stays in bot/ and the dialogs, so a move to the Agents SDK stays there too.',
      severity: 'error',
      from: { path: '^services/' },
      to: { path: 'node_modules/(botbuilder|botbuilder-dialogs|botframework-[a-z-]+|restify)/' },
    },
    {
      name: 'no-circle',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
