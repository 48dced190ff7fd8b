import { parseAgentCommand } from '../../services/helpdesk/agentCommands';

describe('the helpdesk agent commands', () => {
  it.each`
    text                                   | command
    ${'queue'}                             | ${{ kind: 'queue' }}
    ${'  File '}                           | ${{ kind: 'queue' }}
    ${'take T-0007'}                       | ${{ kind: 'take', ticketId: 'T-0007' }}
    ${'prendre T-0007'}                    | ${{ kind: 'take', ticketId: 'T-0007' }}
    ${'reply T-0007 Bonjour,\nje regarde'} | ${{ kind: 'reply', ticketId: 'T-0007', text: 'Bonjour,\nje regarde' }}
    ${'répondre T-0007 c\'est fait'}       | ${{ kind: 'reply', ticketId: 'T-0007', text: "c'est fait" }}
    ${'close T-0007'}                      | ${{ kind: 'close', ticketId: 'T-0007' }}
    ${'clore T-0007'}                      | ${{ kind: 'close', ticketId: 'T-0007' }}
    ${'take'}                              | ${{ kind: 'usage' }}
    ${'reply T-0007'}                      | ${{ kind: 'usage' }}
  `('"$text"', ({ text, command }) => {
    expect(parseAgentCommand(text)).toEqual(command);
  });

  it.each(['je voudrais voir les offres à Lyon', 'queue de poisson', 'take it easy please', 'close the door now'])('leaves "%s" to the assistant', (text) => {
    expect(parseAgentCommand(text)).toBeUndefined();
  });
});
