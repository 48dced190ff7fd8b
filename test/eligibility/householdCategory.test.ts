import {
  disabilityMatters,
  explainHouseholdCategory,
  householdCategory,
  householdIssues,
  isYoungHousehold,
  youngHouseholdMatters,
} from '../../services/eligibility/householdCategory';

// Rules of the arrêté of 29 July 1987 as listed in the domain notes “The domain: social housing through AL-in” ("Household categories").
describe('household category: every rule of FACTS.md', () => {
  test.each`
    persons | dependants | young    | disabled | category | movedUpBy                                     | rule
    ${1}    | ${0}       | ${false} | ${0}     | ${1}     | ${[]}                                         | ${'1: one person'}
    ${2}    | ${0}       | ${false} | ${0}     | ${2}     | ${[]}                                         | ${'2: two persons with no dependant, not a young household'}
    ${1}    | ${0}       | ${false} | ${1}     | ${2}     | ${['disability']}                             | ${'2: one person with a disability'}
    ${3}    | ${1}       | ${false} | ${0}     | ${3}     | ${[]}                                         | ${'3: three persons'}
    ${3}    | ${0}       | ${false} | ${0}     | ${3}     | ${[]}                                         | ${'3: three adults, no dependant'}
    ${2}    | ${1}       | ${false} | ${0}     | ${3}     | ${['singleAdultWithDependants']}              | ${'3: one person + one dependant'}
    ${2}    | ${0}       | ${true}  | ${0}     | ${3}     | ${['youngHousehold']}                         | ${'3: young household with no dependant'}
    ${2}    | ${0}       | ${false} | ${1}     | ${3}     | ${['disability']}                             | ${'3: two persons, one with a disability'}
    ${2}    | ${0}       | ${false} | ${2}     | ${3}     | ${['disability']}                             | ${'3: two persons, both with a disability (still one step)'}
    ${4}    | ${2}       | ${false} | ${0}     | ${4}     | ${[]}                                         | ${'4: four persons'}
    ${3}    | ${2}       | ${false} | ${0}     | ${4}     | ${['singleAdultWithDependants']}              | ${'4: one person + two dependants'}
    ${3}    | ${1}       | ${false} | ${1}     | ${4}     | ${['disability']}                             | ${'4: three persons, one with a disability'}
    ${5}    | ${3}       | ${false} | ${0}     | ${5}     | ${[]}                                         | ${'5: five persons'}
    ${4}    | ${3}       | ${false} | ${0}     | ${5}     | ${['singleAdultWithDependants']}              | ${'5: one person + three dependants'}
    ${4}    | ${2}       | ${false} | ${1}     | ${5}     | ${['disability']}                             | ${'5: four persons, one with a disability'}
    ${6}    | ${4}       | ${false} | ${0}     | ${6}     | ${[]}                                         | ${'6: six persons'}
    ${5}    | ${4}       | ${false} | ${0}     | ${6}     | ${['singleAdultWithDependants']}              | ${'6: one person + four dependants'}
    ${5}    | ${3}       | ${false} | ${1}     | ${6}     | ${['disability']}                             | ${'6: five persons, one with a disability'}
    ${7}    | ${5}       | ${false} | ${0}     | ${7}     | ${[]}                                         | ${'6 + one extra person: seven persons'}
    ${9}    | ${7}       | ${false} | ${0}     | ${9}     | ${[]}                                         | ${'6 + three extra persons: nine persons'}
    ${2}    | ${1}       | ${false} | ${1}     | ${3}     | ${['singleAdultWithDependants', 'disability']} | ${'single parent of a child with a disability: one step only'}
    ${2}    | ${0}       | ${true}  | ${1}     | ${3}     | ${['youngHousehold', 'disability']}           | ${'young household with a disability: one step only'}
    ${3}    | ${1}       | ${true}  | ${0}     | ${3}     | ${[]}                                         | ${'"young" ignored with a dependant'}
    ${1}    | ${0}       | ${true}  | ${0}     | ${1}     | ${[]}                                         | ${'"young" ignored for one person'}
  `('$rule → category $category', ({ persons, dependants, young, disabled, category, movedUpBy }) => {
    const household = { persons, dependants, youngHousehold: young, disabledPersons: disabled };
    expect(householdCategory(household)).toBe(category);
    expect(explainHouseholdCategory(household).movedUpBy).toEqual(movedUpBy);
  });

  test.each`
    persons | dependants | disabled | category | extraPersons | derived  | why
    ${6}    | ${4}       | ${0}     | ${6}     | ${0}         | ${false} | ${'six persons: the last defined category'}
    ${7}    | ${5}       | ${0}     | ${7}     | ${1}         | ${false} | ${'one extra person, by the table'}
    ${6}    | ${4}       | ${1}     | ${7}     | ${1}         | ${true}  | ${'⚠ six persons with a disability: moved up past category 6'}
    ${6}    | ${5}       | ${0}     | ${7}     | ${1}         | ${true}  | ${'⚠ one person + five dependants: moved up past category 6'}
    ${5}    | ${4}       | ${0}     | ${6}     | ${0}         | ${false} | ${'one person + four dependants is still a defined category'}
  `('$why', ({ persons, dependants, disabled, category, extraPersons, derived }) => {
    expect(explainHouseholdCategory({ persons, dependants, youngHousehold: false, disabledPersons: disabled })).toMatchObject({ category, extraPersons, derived });
  });

  test.each`
    persons | dependants | disabled | issues
    ${0}    | ${0}       | ${0}     | ${['noPerson']}
    ${1.5}  | ${0}       | ${0}     | ${['personsNotWhole']}
    ${2}    | ${2}       | ${0}     | ${['dependantsOutOfRange']}
    ${2}    | ${-1}      | ${0}     | ${['dependantsOutOfRange']}
    ${1}    | ${0}       | ${2}     | ${['disabledPersonsOutOfRange']}
    ${3}    | ${1}       | ${1}     | ${[]}
  `('$persons persons, $dependants dependants, $disabled disabled → $issues', ({ persons, dependants, disabled, issues }) => {
    const household = { persons, dependants, youngHousehold: false, disabledPersons: disabled };
    expect(householdIssues(household)).toEqual(issues);
    if (issues.length > 0) expect(() => householdCategory(household)).toThrow(RangeError);
  });
});

describe('young household: a couple with no dependant whose ages add up to 55 or less', () => {
  test.each`
    persons | dependants | ages          | young    | why
    ${2}    | ${0}       | ${[27, 28]}   | ${true}  | ${'55 exactly'}
    ${2}    | ${0}       | ${[20, 22]}   | ${true}  | ${'42'}
    ${2}    | ${0}       | ${[28, 28]}   | ${false} | ${'56: one year too many'}
    ${2}    | ${0}       | ${[50, 30]}   | ${false} | ${'80'}
    ${3}    | ${1}       | ${[25, 25]}   | ${false} | ${'with a dependant'}
    ${2}    | ${1}       | ${[25, 3]}    | ${false} | ${'one adult and a child is not a couple'}
    ${1}    | ${0}       | ${[25]}       | ${false} | ${'one person'}
    ${2}    | ${0}       | ${[25]}       | ${false} | ${'an age missing'}
    ${2}    | ${0}       | ${[25.5, 20]} | ${false} | ${'ages are whole years'}
  `('$ages ($why) → $young', ({ persons, dependants, ages, young }) => {
    expect(isYoungHousehold({ persons, dependants, ages })).toBe(young);
  });

  it('moves a couple of 27 and 28 from category 2 to category 3', () => {
    const youngHousehold = isYoungHousehold({ persons: 2, dependants: 0, ages: [27, 28] });
    expect(householdCategory({ persons: 2, dependants: 0, youngHousehold, disabledPersons: 0 })).toBe(3);
    const older = isYoungHousehold({ persons: 2, dependants: 0, ages: [28, 28] });
    expect(householdCategory({ persons: 2, dependants: 0, youngHousehold: older, disabledPersons: 0 })).toBe(2);
  });
});

describe('which questions change the category', () => {
  test.each`
    persons | dependants | disabled | matters
    ${2}    | ${0}       | ${0}     | ${true}
    ${2}    | ${0}       | ${1}     | ${false}
    ${2}    | ${1}       | ${0}     | ${false}
    ${1}    | ${0}       | ${0}     | ${false}
    ${3}    | ${1}       | ${0}     | ${false}
  `('young household matters for $persons persons, $dependants dependants, $disabled disabled: $matters', ({ persons, dependants, disabled, matters }) => {
    expect(youngHouseholdMatters({ persons, dependants, disabledPersons: disabled })).toBe(matters);
  });

  test.each`
    persons | dependants | young    | matters
    ${1}    | ${0}       | ${false} | ${true}
    ${3}    | ${1}       | ${false} | ${true}
    ${2}    | ${1}       | ${false} | ${false}
    ${2}    | ${0}       | ${true}  | ${false}
    ${2}    | ${0}       | ${false} | ${true}
  `('disability matters for $persons persons, $dependants dependants, young $young: $matters', ({ persons, dependants, young, matters }) => {
    expect(disabilityMatters({ persons, dependants, youngHousehold: young })).toBe(matters);
  });
});
